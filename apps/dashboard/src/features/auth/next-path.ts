/** The query parameter of /sign-in that says where to go after signing in. */
export const NEXT_PARAM = 'next';

/** /sign-in, remembering `path` (pathname + search) unless it is the start page. */
export function signInPath(path?: string): string {
  if (!path || path === '/' || !isSafeNext(path)) return '/sign-in';
  return `/sign-in?${new URLSearchParams({ [NEXT_PARAM]: path }).toString()}`;
}

/**
 * Where to go after signing in. Only a path of this site: a crafted link
 * (`/sign-in?next=https://evil.example`, `//evil.example`) must not carry a person elsewhere.
 */
export function nextAfterSignIn(search: URLSearchParams): string {
  const next = search.get(NEXT_PARAM);
  return next && isSafeNext(next) ? next : '/';
}

function isSafeNext(path: string): boolean {
  return path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') && !path.startsWith('/sign-in');
}
