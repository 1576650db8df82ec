/**
 * Where to go after sign-in. Only same-origin paths are honoured: `?redirect=//evil.example` or an
 * absolute URL would turn the login page into an open redirect.
 */
export function safeRedirect(value: unknown): string | null {
  const candidate = Array.isArray(value) ? value[0] : value;
  if (typeof candidate !== 'string') return null;
  if (!candidate.startsWith('/') || candidate.startsWith('//') || candidate.startsWith('/\\')) return null;
  if (candidate.startsWith('/login')) return null;
  return candidate;
}
