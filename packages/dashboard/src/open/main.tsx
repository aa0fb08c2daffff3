import { render } from 'preact'
import { OpenPage } from './open-page.js'

const root = document.getElementById('app')
if (root) render(<OpenPage />, root)
