import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startAppStore } from './state/app-store';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/connections.css';

startAppStore();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
