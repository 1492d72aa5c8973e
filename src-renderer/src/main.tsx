import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';
// Page-wide print rules (the app hides itself, the print view shows) load with the first screen, not
// with the chunk of the unlocked screens: any page of the app prints the same.
import './screens/print/print.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
