// Official documents with Cyrillic text: the letter on a letterhead as DOCX and PDF.
export { renderOfficialLetterDocx } from './docx';
export { renderOfficialLetterPdf } from './pdf';
export { formatRussianDate, registrationLine, type Letterhead, type OfficialLetter } from './letter';
