/**
 * The error line under a form or a dialog's body (the failed request's message), announced
 * to screen readers; renders nothing while there is no error.
 */
export function FormError({ message, testId }: { message: string | null | undefined | false; testId?: string }) {
  if (!message) return null;
  return (
    <p role="alert" data-testid={testId} className="text-sm text-rose-400">
      {message}
    </p>
  );
}
