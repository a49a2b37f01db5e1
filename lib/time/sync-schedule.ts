import { addDays, swedishInstant, todayInSweden } from './dates';

// When a member's browser looks at the team folder again when nothing asks it to. A member
// who changes nothing, in a team where nothing changes, should cost the team's server a
// handful of requests a day, not one round every 15 minutes per browser: each quiet look
// doubles the wait, from 15 minutes up to 8 hours, but never past the next morning, so a plan
// published in the evening is there when the day starts. A change here, the browser starting
// and a change found in the folder each bring the next look back to 15 minutes.

const MINUTE = 60_000;
export const FIRST_LOOK_MINUTES = 15;
export const LONGEST_WAIT_MINUTES = 8 * 60;
/** The morning look, Swedish time: before the working day. */
export const MORNING = '06:30';

/** The next morning look after `now` (today's, if it is still ahead). */
export function nextMorning(now: Date): Date {
  const today = todayInSweden(now);
  const at = new Date(swedishInstant(today, MORNING) as string);
  return at.getTime() > now.getTime() ? at : new Date(swedishInstant(addDays(today, 1), MORNING) as string);
}

/** When to look again after `quiet` looks in a row that found nothing changed either way. */
export function nextRoutineSync(quiet: number, now: Date): Date {
  const minutes = Math.min(LONGEST_WAIT_MINUTES, FIRST_LOOK_MINUTES * 2 ** Math.max(0, Math.min(quiet, 10)));
  const after = new Date(now.getTime() + minutes * MINUTE);
  const morning = nextMorning(now);
  return after.getTime() < morning.getTime() ? after : morning;
}
