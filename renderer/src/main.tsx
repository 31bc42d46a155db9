import { RendererProvider } from '@fluentui/react-components';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { LanguageProvider } from './i18n/LanguageProvider';
import { startLoadingEnglish } from './i18n/loadCatalog';
import { createStyleRenderer } from './theme/styleRenderer';

startLoadingEnglish();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RendererProvider renderer={createStyleRenderer(document)} targetDocument={document}>
      <LanguageProvider>
        <App />
      </LanguageProvider>
    </RendererProvider>
  </StrictMode>,
);
