import { describe, expect, it } from 'vitest';
import { findPosWidget } from './widget';

describe('the ПОС widget on a page', () => {
  it.each([
    ['the widget script', `<script src='https://pos.gosuslugi.ru/bin/script.min.js'></script>`, true],
    ['a protocol-relative script', '<SCRIPT type="text/javascript" src="//pos.gosuslugi.ru/bin/script.min.js"></SCRIPT>', true],
    ['the frame', '<iframe width="100%" src="https://pos.gosuslugi.ru/form/?opaId=123"></iframe>', true],
    ['the inline call', '<div id="js-show-iframe-wrapper"></div><script>Widget("https://pos.gosuslugi.ru/form", 218843)</script>', true],
    ['a page without it', '<html><body><a href="https://pos.gosuslugi.ru/">ПОС</a><script src="/app.js"></script></body></html>', false],
    ['a look-alike host', '<script src="https://pos.gosuslugi.ru.evil.example/bin/script.min.js"></script>', false],
    ['a commented-out widget', '<!-- <script src="https://pos.gosuslugi.ru/bin/script.min.js"></script> -->', false],
  ])('%s', (_name, html, installed) => {
    expect(findPosWidget(html).installed).toBe(installed);
  });

  it('says what it found', () => {
    expect(findPosWidget('<script src="https://pos.gosuslugi.ru/bin/script.min.js"></script>').evidence).toBe('script https://pos.gosuslugi.ru/bin/script.min.js');
  });
});
