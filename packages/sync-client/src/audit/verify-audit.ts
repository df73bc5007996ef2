import { basename } from 'node:path';
import { genesisHash, lineHash, type AuditLine } from './audit-entry.ts';
import { auditFiles, readHead, readLines } from './audit-files.ts';

export interface AuditVerification {
  ok: boolean;
  lines: number;
  files: string[];
  /** Spanish, one per problem, naming the file and line. */
  problems: string[];
}

/**
 * Checks the whole chain, oldest file first: every line's hash, every link to the line
 * before, consecutive sequence numbers, and both ends against the head file. An edited,
 * removed, inserted or reordered line breaks at least one of these.
 */
export function verifyAudit(path: string, keepFiles: number): AuditVerification {
  const files = auditFiles(path, keepFiles);
  const head = readHead(path);
  const problems: string[] = [];
  let previous: AuditLine | undefined;
  let count = 0;
  for (const file of files) {
    readLines(file).forEach((text, index) => {
      const where = `${basename(file)}:${index + 1}`;
      count += 1;
      let line: AuditLine;
      try {
        line = JSON.parse(text) as AuditLine;
      } catch {
        problems.push(`${where}: la línea no es JSON válido`);
        previous = undefined;
        return;
      }
      const { hash, ...unsealed } = line;
      if (lineHash(unsealed) !== hash)
        problems.push(`${where}: el contenido fue modificado (el hash no coincide)`);
      if (previous === undefined) {
        const start = head?.firstSeq ?? 1;
        if (line.seq !== start)
          problems.push(
            `${where}: la cadena debía empezar en el registro ${start} y empieza en ${line.seq}`,
          );
        if (line.seq === 1 && line.prev !== genesisHash)
          problems.push(`${where}: el primer registro no empieza la cadena`);
      } else {
        if (line.seq !== previous.seq + 1)
          problems.push(
            `${where}: falta o sobra un registro (se esperaba ${previous.seq + 1} y hay ${line.seq})`,
          );
        if (line.prev !== previous.hash)
          problems.push(
            `${where}: no encadena con el registro anterior (se quitó, agregó o modificó una línea)`,
          );
      }
      previous = line;
    });
  }
  if (head === undefined && count > 0)
    problems.push(`falta ${basename(path)}.head, que marca el final de la cadena`);
  if (head !== undefined && (previous?.seq ?? 0) !== head.lastSeq) {
    problems.push(
      `el último registro debía ser el ${head.lastSeq} y es el ${previous?.seq ?? 0}: se quitaron líneas del final`,
    );
  } else if (head !== undefined && previous !== undefined && previous.hash !== head.lastHash) {
    problems.push('el último registro no es el que se escribió (el hash final no coincide)');
  }
  return { ok: problems.length === 0, lines: count, files, problems };
}
