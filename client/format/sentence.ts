/**
 * Capital first letter and a full stop: the server words its messages for logs.
 * @example sentence('sign in first') === 'Sign in first.'
 */
export function sentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return trimmed;
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
