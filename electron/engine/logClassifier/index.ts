export { LogClassifier, classifyLogFile, classifyLogStream, classifyLogText } from './classifyLog';
