import { t } from '../../lib/text/i18n';

export interface NextStep {
  /** An extension page, with the field to focus after `#` where the page supports it. */
  href: string;
  label: string;
}

/** What a page with nothing to show offers instead: the one step (or two) that fills it. */
export function NextSteps({ steps }: { steps: readonly NextStep[] }) {
  return (
    <nav class="next-steps" aria-label={t('nextStepsLabel')} data-testid="next-steps">
      {steps.map((step, i) => (
        <a key={step.href} class={i === 0 ? 'button primary' : 'button'} href={step.href}>
          {step.label}
        </a>
      ))}
    </nav>
  );
}

export const LOAD_PLAN: () => NextStep = () => ({ href: '/options.html#plan-file', label: t('nextStepLoadPlan') });
export const BUILD_PLAN: () => NextStep = () => ({ href: '/coordinator.html', label: t('nextStepBuildPlan') });
export const JOIN_FOLDER: () => NextStep = () => ({ href: '/options.html#team-folder', label: t('nextStepJoinFolder') });
