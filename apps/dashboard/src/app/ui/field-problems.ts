/**
 * What is wrong with a form, per field. Keys are the API's input paths (`names`, `names.kk`,
 * `mentors.0.fullName`), so the API's `extensions.fields` and the form's own checks land in one place.
 */
export type FieldProblems = Partial<Record<string, string>>;

export function hasProblems(problems: FieldProblems): boolean {
  return Object.values(problems).some((problem) => problem !== undefined);
}

/**
 * The problems a form can show at its own fields, and the messages of those it has no field for
 * (`centreId` when the centre closed meanwhile: the space form has no centre field). Those are said
 * in the form's error summary instead (FormError's `elsewhere`), so that no refusal goes unexplained.
 */
export function splitProblems(problems: FieldProblems, isShown: (path: string) => boolean): { atFields: FieldProblems; elsewhere: string[] } {
  const atFields: FieldProblems = {};
  const elsewhere: string[] = [];
  for (const [path, message] of Object.entries(problems)) {
    if (message === undefined) continue;
    if (isShown(path)) atFields[path] = message;
    else elsewhere.push(message);
  }
  return { atFields, elsewhere };
}

/** The paths a form with these fields shows: each field, and what lies inside it (`names` covers `names.kk`). */
export function inFields(fields: readonly string[]): (path: string) => boolean {
  return (path) => fields.some((field) => path === field || path.startsWith(`${field}.`));
}
