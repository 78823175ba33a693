import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl } from './external-links';

describe('links the shell may open', () => {
  it.each([
    'https://www.aerztekammer-wien.at.example',
    'https://ec.europa.eu/internal_market/imi-net/',
    'mailto:info@aerztekammer.at.example',
    'tel:+43155555',
  ])('opens %s', (url) => expect(isSafeExternalUrl(url)).toBe(true));

  it.each([
    'http://plain.example',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'https://user:secret@bank.example',
    'smb://share/x',
    'mailto:not-an-address',
    'tel:call-me',
    'data:text/html,<script>1</script>',
    '',
    'not a url',
  ])('refuses %s', (url) => expect(isSafeExternalUrl(url)).toBe(false));
});
