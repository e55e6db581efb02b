import 'bootstrap/dist/css/bootstrap.min.css'
import './styles/app.css'
import './styles/contrast.css'
import './styles/tables.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { followTicketLinks } from './features/users/followTicketLinks'
import { followSystemTheme } from './stores/themeStore'

// Before the first render, so a dark desktop never sees a light flash.
followSystemTheme()
// Main sends a ticket link once the page has loaded: listen before rendering.
followTicketLinks()

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>
)
