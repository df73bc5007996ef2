/** One line of the doctor's report. */
export interface DoctorCheck {
  status: 'ok' | 'warn' | 'fail';
  title: string;
  detail?: string;
}

const marks = { ok: '✔', warn: '⚠', fail: '✘' } as const;

export function formatChecks(checks: readonly DoctorCheck[]): string {
  const lines = checks.map(({ status, title, detail }) =>
    detail === undefined ? `${marks[status]} ${title}` : `${marks[status]} ${title}\n    ${detail}`,
  );
  const failed = checks.filter((check) => check.status === 'fail').length;
  const warned = checks.filter((check) => check.status === 'warn').length;
  const summary =
    failed > 0
      ? `Resultado: ${failed} problema(s) a corregir${warned > 0 ? ` y ${warned} advertencia(s)` : ''}.`
      : warned > 0
        ? `Resultado: funciona, con ${warned} advertencia(s).`
        : 'Resultado: todo en orden.';
  return `${lines.join('\n')}\n\n${summary}`;
}
