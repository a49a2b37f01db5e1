import { t } from '../../lib/text/i18n';
import '../options/options.css';

// What Kurskompis keeps, where it goes and how to delete it, in the user's language; shipped
// in the package (privacy.html) and linked from the settings page and the store listings.

export function PrivacyPage() {
  return (
    <main class="options-app privacy">
      <header>
        <h1>{t('privacyTitle')}</h1>
      </header>
      <section class="card" aria-labelledby="privacy-stored">
        <h2 id="privacy-stored">{t('privacyStoredHeading')}</h2>
        <p>{t('privacyStored')}</p>
        <p>
          <strong>{t('privacyMakers')}</strong>
        </p>
      </section>
      <section class="card" aria-labelledby="privacy-digiteket">
        <h2 id="privacy-digiteket">{t('privacyDigiteketHeading')}</h2>
        <p>{t('privacyDigiteket')}</p>
      </section>
      <section class="card" aria-labelledby="privacy-plan">
        <h2 id="privacy-plan">{t('privacyPlanHeading')}</h2>
        <p>{t('privacyPlan')}</p>
      </section>
      <section class="card" aria-labelledby="privacy-folder">
        <h2 id="privacy-folder">{t('privacyFolderHeading')}</h2>
        <p>{t('privacyFolder')}</p>
        <p>{t('privacyPrivate')}</p>
        <p>{t('privacyCoordinator')}</p>
      </section>
      <section class="card" aria-labelledby="privacy-delete">
        <h2 id="privacy-delete">{t('privacyDeleteHeading')}</h2>
        <ul>
          <li>{t('privacyDeleteFolder')}</li>
          <li>{t('privacyDeleteBrowser')}</li>
        </ul>
        <p>{t('privacyQuestions')}</p>
      </section>
    </main>
  );
}
