// A figure drawn as a bar, for reading the overview at a glance across a room. The number is
// written beside the bar, so it reads without colour and in print; assistive technology gets
// the same as a meter with its value in words.

export function Meter(props: {
  value: number;
  max: number;
  /** What is measured ("Skapa en podd: klara"). */
  label: string;
  /** The value in words ("3 av 8 platser tagna"). */
  valueText: string;
  /** What is written beside the bar ("3/8"). */
  shown: string;
  /** `full` and `over` change the bar's look; the words say it too. */
  state?: 'full' | 'over' | undefined;
  testId?: string;
}) {
  const { value, max } = props;
  const share = max > 0 ? Math.min(Math.max(value / max, 0), 1) : 0;
  return (
    <span
      class={['meter', props.state].filter(Boolean).join(' ')}
      role="meter"
      aria-label={props.label}
      aria-valuemin={0}
      aria-valuemax={max}
      // A meter cannot go past its maximum; an over-booking is said in the value's words.
      aria-valuenow={Math.min(value, max)}
      aria-valuetext={props.valueText}
      data-testid={props.testId}
    >
      <span class="meter-track" aria-hidden="true">
        <span class="meter-fill" style={{ width: `${Math.round(share * 1000) / 10}%` }} />
      </span>
      <span class="meter-value">{props.shown}</span>
    </span>
  );
}
