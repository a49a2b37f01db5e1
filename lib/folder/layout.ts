// The team folder's layout (DESIGN.md): the plan, and one file per member.

export const PLAN_FILE = 'plan.json';
export const MEMBERS_DIR = 'members/';

export function memberPath(memberId: string): string {
  return `${MEMBERS_DIR}${memberId}.json`;
}
