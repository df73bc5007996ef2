import type { SyncClientConfig } from '../config/load-config.ts';
import { verifyAudit } from '../audit/verify-audit.ts';

/** `audit verify`: checks the local audit log's hash chain; 1 when it was tampered with. */
export function runAuditVerify(
  audit: SyncClientConfig['audit'],
  print: (text: string) => void,
): number {
  const result = verifyAudit(audit.path, audit.keepFiles);
  if (result.files.length === 0) {
    print(
      `No hay registro de auditoría en ${audit.path} (todavía no se ejecutó ninguna consulta).`,
    );
    return 0;
  }
  if (result.ok) {
    print(
      `✔ Registro de auditoría íntegro: ${result.lines} registros en ${result.files.length} archivo(s).`,
    );
    return 0;
  }
  print(
    `✘ El registro de auditoría fue alterado (${result.problems.length} problema(s)):\n` +
      result.problems.map((problem) => `  - ${problem}`).join('\n'),
  );
  return 1;
}
