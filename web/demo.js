// The demo page's one line of wiring: the button, the article, the box.
import { attachButton } from './gisty.js';

attachButton({
  button: document.querySelector('#get-summary'),
  article: document.querySelector('.article-body'),
  output: document.querySelector('#summary'),
  options: { sentences: 3 },
});
