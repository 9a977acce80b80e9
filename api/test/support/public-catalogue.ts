import type { Factories } from './factories';

/**
 * Two plans, two departments, five published initiatives of varied status and health, and a draft:
 * the public catalogue the public-site and public-paging tests read.
 */
export async function publishedCatalogue(make: Factories) {
  const social = await make.department({ code: 'SOF', name: 'Sociale Forhold og Beskæftigelse' });
  const culture = await make.department({ code: 'KB', name: 'Kultur og Borgerservice' });
  const refugees = await make.plan({ title: 'A: Flygtningehandleplan' });
  const health = await make.plan({ title: 'B: Sundhedsplan' });
  const publish = (plan: { id: string }, lead: { id: string }, overrides: Record<string, unknown>) =>
    make.initiative({ actionPlanId: plan.id, leadDepartmentId: lead.id }, { published: true, ...overrides });
  const cafe = await publish(refugees, social, { title: 'Sprogcafé på biblioteket', status: 'in_progress', participatingDepartmentIds: [culture.id] });
  const mentors = await publish(refugees, social, { title: 'Mentorer til nye borgere', status: 'planned' });
  const jobs = await publish(refugees, culture, { title: 'Job i foreninger', status: 'in_progress', summary: 'Frivillige job med ÆBLEHAVE-projektet' });
  const walks = await publish(health, culture, { title: 'Gåture for ældre', status: 'completed' });
  const food = await publish(health, social, { title: 'Fællesspisning', status: 'in_progress' });
  const draft = await make.initiative({ actionPlanId: refugees.id, leadDepartmentId: social.id }, { title: 'UPUBLICERET-UDKAST' });
  return { social, culture, refugees, health, cafe, mentors, jobs, walks, food, draft };
}
