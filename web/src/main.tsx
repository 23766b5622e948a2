/** Entry point: styles and the app. */
import { render } from 'preact';
import { App } from './app.js';
import './styles.css';
import './workbench.css';

const root = document.getElementById('app');
if (root) render(<App />, root);
