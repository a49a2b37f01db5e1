import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { fieldId } from '../../lib/coordinator/field-problems';
import { t, type MessageKey } from '../../lib/text/i18n';
import type { ProblemReason } from '../../lib/model/plan-parse';

// Problems the plan parser found in the draft, keyed by field path; every field looks up its own.

export const ProblemsContext = createContext<ReadonlyMap<string, ProblemReason>>(new Map());

// The parser's messages for these read as the end of a sentence about a path ("… saknas.");
// beside a field a whole sentence reads better.
const FIELD_TEXT: Partial<Record<ProblemReason, MessageKey>> = {
  missing: 'field_required',
  empty: 'field_required',
  tooLong: 'field_tooLong',
  wrongType: 'field_number',
  date: 'field_date',
  instant: 'field_time',
  itemUrl: 'field_itemUrl',
  invalid: 'field_invalid',
};

export function fieldProblemText(reason: ProblemReason): string {
  return t(FIELD_TEXT[reason] ?? `problem_${reason}`);
}

export function useProblem(path: string): { reason: ProblemReason | undefined; errorId: string } {
  const problems = useContext(ProblemsContext);
  return { reason: problems.get(path), errorId: `${fieldId(path)}-error` };
}

export function FieldError({ path }: { path: string }) {
  const { reason, errorId } = useProblem(path);
  if (!reason) return null;
  return (
    <p id={errorId} class="field-error">
      {fieldProblemText(reason)}
    </p>
  );
}

interface FieldProps {
  path: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'date' | 'time' | 'url' | 'email';
  hint?: string;
  inputMode?: 'numeric';
  required?: boolean;
  class?: string;
}

/** A labelled input that shows its own problem and tells assistive technology about it. */
export function Field(props: FieldProps) {
  const id = fieldId(props.path);
  const { reason, errorId } = useProblem(props.path);
  const hintId = props.hint ? `${id}-hint` : undefined;
  const describedBy = [hintId, reason ? errorId : undefined].filter(Boolean).join(' ') || undefined;
  return (
    <div class={`field ${props.class ?? ''}`}>
      <label for={id}>{props.label}</label>
      {props.hint && (
        <span id={hintId} class="hint">
          {props.hint}
        </span>
      )}
      <input
        id={id}
        // One field component for several input types; Preact types each type's attributes apart.
        type={(props.type ?? 'text') as 'text'}
        value={props.value}
        inputMode={props.inputMode}
        required={props.required}
        aria-invalid={reason ? 'true' : undefined}
        aria-describedby={describedBy}
        onInput={(e) => props.onInput((e.currentTarget as HTMLInputElement).value)}
      />
      <FieldError path={props.path} />
    </div>
  );
}
