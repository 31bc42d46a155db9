import { describe, expect, test } from 'vitest';
import { allowedExternalUrl } from '../../../electron/security/externalLinks';

describe('the external link allowlist', () => {
  test('https documentation pages pass, normalised by the URL parser', () => {
    expect(allowedExternalUrl('https://pip.pypa.io/en/stable/')).toBe(
      'https://pip.pypa.io/en/stable/',
    );
    expect(allowedExternalUrl('https://docs.python.org/3/library/venv.html')).not.toBeNull();
    expect(allowedExternalUrl('https://packaging.python.org/en/latest/')).not.toBeNull();
    expect(allowedExternalUrl('https://peps.python.org/pep-0668/')).not.toBeNull();
    expect(allowedExternalUrl('HTTPS://PEPS.python.org/pep-0668/')).toBe(
      'https://peps.python.org/pep-0668/',
    );
    expect(
      allowedExternalUrl(
        'https://learn.microsoft.com/en-us/windows/win32/fileio/maximum-file-path-limitation?tabs=registry',
      ),
    ).not.toBeNull();
    expect(
      allowedExternalUrl(
        'https://learn.microsoft.com/de-de/windows/win32/fileio/maximum-file-path-limitation',
      ),
    ).not.toBeNull();
  });

  test('everything else is refused: other schemes, look-alike hosts, credentials, ports, other pages', () => {
    for (const url of [
      'http://pip.pypa.io/',
      'file:///C:/Windows/System32/calc.exe',
      'ms-settings:developers',
      'javascript:alert(1)',
      'https://pip.pypa.io.evil.example/',
      'https://evilpip.pypa.io/',
      'https://user@pip.pypa.io/',
      'https://pip.pypa.io:8443/',
      'https://python.org/',
      'https://learn.microsoft.com/en-us/windows/win32/api/',
      'https://learn.microsoft.com/en-us/windows/win32/fileio/maximum-file-path-limitation/../../../api',
      'not a url',
      '',
    ]) {
      expect(allowedExternalUrl(url), url).toBeNull();
    }
  });
});
