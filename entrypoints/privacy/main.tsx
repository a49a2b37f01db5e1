import { render } from 'preact';
import { PrivacyPage } from '../../components/privacy/PrivacyPage';
import { t } from '../../lib/text/i18n';

document.documentElement.lang = t('localeCode');
document.title = `${t('privacyTitle')} – ${t('extName')}`;

render(<PrivacyPage />, document.getElementById('app') as HTMLElement);
