// `npm run notebooks`: execute the notebooks in place, so the committed files carry fresh outputs.
import { executeNotebooks } from './executeNotebooks.js';

executeNotebooks();
