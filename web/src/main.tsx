import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Inter is bundled (Latin and Cyrillic only): the app loads nothing from other hosts.
import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-500.css';
import '@fontsource/inter/latin-600.css';
import '@fontsource/inter/cyrillic-400.css';
import '@fontsource/inter/cyrillic-500.css';
import '@fontsource/inter/cyrillic-600.css';
import '@gravity-ui/uikit/styles/styles.css';
import './styles.css';
import './appeals.css';
import './notifications.css';
import './public.css';
import { App } from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
