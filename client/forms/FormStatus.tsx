import type { FormProblems } from './problems.js';

/** Under a form: the server's refusal with any issues the form has no field for, or what went well. */
export function FormStatus({ problems, success, testId }: { problems: FormProblems | null; success: string | null; testId: string }) {
  if (problems) {
    return (
      <div className="form-status form-error" role="alert" data-testid={`${testId}-error`}>
        <span>{problems.message}</span>
        {problems.other.length > 0 && (
          <ul>
            {problems.other.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  if (success) {
    return (
      <div className="form-status form-success" role="status" data-testid={`${testId}-success`}>
        {success}
      </div>
    );
  }
  return null;
}
