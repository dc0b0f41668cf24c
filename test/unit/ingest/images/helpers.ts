/** Test helpers: fixture paths and a hand-made PNG header for a huge image (no pixels encoded). */

export const FIXTURES = new URL('../../../fixtures/images/', import.meta.url).pathname;

export { pngHeaderOnly } from '../../../helpers/png.js';
