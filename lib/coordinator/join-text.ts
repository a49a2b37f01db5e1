import { t } from '../text/i18n';

// The message a coordinator sends colleagues: how to install Kurskompis and get the plan,
// by its address when it is published at one, else by the file.

export interface JoinTextInput {
  teamName: string;
  fileName: string;
  planAddress: string;
  coordinatorName: string;
  coordinatorContact: string;
}

export function joinText(input: JoinTextInput): string {
  const address = input.planAddress.trim();
  const contact = [input.coordinatorName.trim(), input.coordinatorContact.trim()].filter(Boolean).join(', ');
  return [
    t('joinGreeting', input.teamName.trim()),
    '',
    t('joinStepInstall'),
    address ? t('joinStepAddress', address) : t('joinStepFile', input.fileName),
    t('joinStepDone'),
    ...(contact ? ['', t('joinContact', contact)] : []),
  ].join('\n');
}
