import { readdir, readFile } from 'node:fs/promises';
import { LANGUAGES, type Language } from '@mrc/domain';
import { type DocumentNode, Kind, type OperationDefinitionNode, parse } from 'graphql';

/**
 * The workbench's library of example queries: one `.graphql` file each in examples/ (copied next to
 * the built JavaScript by the build), read once at start. A file opens with six comment lines —
 * `# title.en: …`, `# title.ru: …`, `# title.kk: …` and the same for `description` — followed by one
 * named query that runs as it is: every variable has a default value or may be null.
 */
export interface WorkbenchExampleFile {
  /** The file name without `.graphql`, e.g. `10-late-rollout-items`. */
  id: string;
  titles: Record<Language, string>;
  descriptions: Record<Language, string>;
  /** The file as it is, comments included: what the explorer opens. */
  document: string;
}

export const EXAMPLES_FOLDER = new URL('./examples/', import.meta.url);

const HEADER = /^#\s*(title|description)\.(en|ru|kk):\s*(\S.*?)\s*$/;

/** Reads one example; throws with the file's name and what is wrong. */
export function readExample(id: string, text: string): WorkbenchExampleFile {
  const titles: Partial<Record<Language, string>> = {};
  const descriptions: Partial<Record<Language, string>> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = HEADER.exec(line);
    if (!match) continue;
    const [, kind, language, value] = match as unknown as [string, 'title' | 'description', Language, string];
    (kind === 'title' ? titles : descriptions)[language] = value;
  }
  const missing = LANGUAGES.flatMap((language) => [
    ...(titles[language] ? [] : [`title.${language}`]),
    ...(descriptions[language] ? [] : [`description.${language}`]),
  ]);
  if (missing.length > 0) throw new Error(`Workbench example ${id}.graphql lacks the comment lines ${missing.join(', ')}.`);

  let document: DocumentNode;
  try {
    document = parse(text);
  } catch (error) {
    throw new Error(`Workbench example ${id}.graphql does not parse: ${error instanceof Error ? error.message : String(error)}`);
  }
  const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1 || !operations[0]!.name) throw new Error(`Workbench example ${id}.graphql must hold exactly one named operation.`);
  const needing = (operations[0]!.variableDefinitions ?? []).filter((definition) => definition.type.kind === Kind.NON_NULL_TYPE && !definition.defaultValue);
  if (needing.length > 0) {
    throw new Error(`Workbench example ${id}.graphql must run as it is: give ${needing.map((definition) => `$${definition.variable.name.value}`).join(', ')} a default value.`);
  }
  return { id, titles: titles as Record<Language, string>, descriptions: descriptions as Record<Language, string>, document: text };
}

/** Every example in the folder, by file name. */
export async function readExamples(folder: URL = EXAMPLES_FOLDER): Promise<WorkbenchExampleFile[]> {
  const names = (await readdir(folder)).filter((name) => name.endsWith('.graphql')).sort();
  return Promise.all(names.map(async (name) => readExample(name.slice(0, -'.graphql'.length), await readFile(new URL(name, folder), 'utf8'))));
}
