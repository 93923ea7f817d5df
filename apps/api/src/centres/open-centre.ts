import type { EntityManager } from 'typeorm';
import { BadUserInputError, type FieldProblems } from '../common/errors.js';
import { problem } from '../common/problems.js';
import { CentreEntity } from './centre.entity.js';

/**
 * The centre a new or reopened record goes to, share-locked until the transaction ends so that the
 * centre cannot close meanwhile, with what is wrong with it at the input field `field` (a missing or
 * closed centre). Lets a service report the centre's problem together with those of other fields.
 */
export async function checkOpenCentre(
  manager: EntityManager,
  centreId: string,
  field = 'centreId',
): Promise<{ centre: CentreEntity | null; problems: FieldProblems }> {
  const centre = await manager.findOne(CentreEntity, { where: { id: centreId }, lock: { mode: 'pessimistic_read' } });
  if (!centre) return { centre, problems: { [field]: problem('noSuchRecord') } };
  if (centre.closedOn) return { centre, problems: { [field]: problem('centreClosed', { day: centre.closedOn }) } };
  return { centre, problems: {} };
}

/** As checkOpenCentre, refusing at once with BAD_USER_INPUT when the centre is missing or closed. */
export async function lockOpenCentre(manager: EntityManager, centreId: string, field = 'centreId'): Promise<CentreEntity> {
  const { centre, problems } = await checkOpenCentre(manager, centreId, field);
  if (!centre || Object.keys(problems).length > 0) throw new BadUserInputError(`Check ${field}.`, problems);
  return centre;
}
