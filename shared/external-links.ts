// Which links the desktop shell may hand to the operating system: web pages over https,
// e-mail and telephone links. Nothing else leaves the workstation.
export function isSafeExternalUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return url.username === '' && url.password === '' && url.hostname.length > 0;
  if (url.protocol === 'mailto:') return /^[^@\s]+@[^@\s]+$/.test(decodeURIComponent(url.pathname));
  if (url.protocol === 'tel:') return /^\+?[0-9]{3,20}$/.test(url.pathname);
  return false;
}
