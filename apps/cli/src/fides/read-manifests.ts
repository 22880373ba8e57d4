import { LineCounter, parseAllDocuments } from 'yaml';
import { ManifestError, ManifestProblem } from '../errors';
import { describeIssue, formatPath, lineFinder, SourceFile } from '../manifest/load';
import { fidesManifestSchema, FidesSystem, SKIPPED_RESOURCES } from './fideslang-schema';

/** A system read from a fideslang manifest, with where it stands. */
export interface ParsedSystem {
  system: FidesSystem;
  file: string;
  /** 1-based YAML document in its file. */
  document: number;
  /** Its path in the document, e.g. system[2]. */
  path: string;
  /** The line of a path of the document (system[2].privacy_declarations[0].data_use). */
  lineOf(fidesPath: string): number | undefined;
}

/** fideslang resources a file holds that Canopy does not import (datasets, policies, taxonomy extensions...). */
export interface SkippedResource {
  file: string;
  resource: string;
  count: number;
}

/**
 * Parses and validates fideslang manifest files: every document of every
 * file, all problems collected, each naming file, document, line and path.
 * Throws ManifestError when there is any; a file without a system is one.
 */
export function parseFidesManifests(files: readonly SourceFile[]): { systems: ParsedSystem[]; skipped: SkippedResource[] } {
  const problems: ManifestProblem[] = [];
  const systems: ParsedSystem[] = [];
  const skipped: SkippedResource[] = [];
  for (const file of files) {
    const lineCounter = new LineCounter();
    const docs = parseAllDocuments(file.content, { lineCounter, uniqueKeys: true });
    const found = Array.isArray(docs) ? docs : [];
    let systemsInFile = 0;
    found.forEach((doc, index) => {
      const document = index + 1;
      const at = (path: string, message: string, line?: number) => problems.push({ file: file.name, document, line: line ?? lineOf(path), path, message });
      const lineOf = lineFinder(doc, lineCounter);
      if (doc.errors.length) {
        for (const error of doc.errors) at('', `YAML: ${error.message.split('\n')[0]}`, error.linePos?.[0]?.line);
        systemsInFile++;
        return;
      }
      const value: unknown = doc.toJS({ maxAliasCount: 100 });
      if (value === null || value === undefined) return;
      if (typeof value !== 'object' || Array.isArray(value)) return void at('', 'a fideslang manifest is a mapping of resource types (system, dataset, ...) to lists');
      const parsed = fidesManifestSchema.safeParse(value);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          for (const { fieldPath, message } of describeIssue(issue, fidesManifestSchema, value)) at(fieldPath, message, lineOf(fieldPath) ?? lineOf(formatPath(issue.path.slice(0, -1))));
        }
        systemsInFile++;
        return;
      }
      for (const resource of SKIPPED_RESOURCES) {
        const list = parsed.data[resource];
        if (list !== undefined) skipped.push({ file: file.name, resource, count: Array.isArray(list) ? list.length : 1 });
      }
      (parsed.data.system ?? []).forEach((system, i) => systems.push({ system, file: file.name, document, path: `system[${i}]`, lineOf }));
      systemsInFile += parsed.data.system?.length ?? 0;
    });
    if (systemsInFile === 0) problems.push({ file: file.name, document: 1, path: '', message: 'the file holds no fideslang system (a top-level `system:` list)' });
  }
  if (problems.length) throw new ManifestError(problems);
  return { systems, skipped };
}
