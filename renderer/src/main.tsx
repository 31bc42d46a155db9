import { RendererProvider } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createStyleRenderer } from './theme/styleRenderer';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RendererProvider renderer={createStyleRenderer(document)} targetDocument={document}>
      <App />
    </RendererProvider>
  </StrictMode>,
);
