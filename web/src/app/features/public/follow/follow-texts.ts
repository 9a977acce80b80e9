import { Pipe, type PipeTransform } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';
import type { FeatureTexts } from '../../../core/i18n/register-texts';

/**
 * The follow form's texts, merged into the app's translations under `pubFollow.` when the form
 * loads. The consent text matches the one the API shows on the confirmation page and stores
 * (api/src/modules/follow/follow-mails.ts).
 */
export const followTexts: FeatureTexts = {
  da: {
    pubFollow: {
      heading: 'Følg med på e-mail',
      leadInitiative: 'Få en e-mail, når der er en ny offentlig statusopdatering om initiativet.',
      leadPlan: 'Få en e-mail, når der er en ny offentlig statusopdatering om et af handleplanens initiativer.',
      email: 'Din e-mailadresse',
      emailRequired: 'Skriv din e-mailadresse.',
      emailInvalid: 'Skriv en gyldig e-mailadresse, fx navn@example.dk.',
      emailMax: 'E-mailadressen må højst være {{max}} tegn.',
      consentInitiative:
        'Vi gemmer kun din e-mailadresse og tidspunktet for dit samtykke, så vi kan sende dig nye offentlige statusopdateringer om initiativet »{{title}}«. Du kan til enhver tid afmelde dig med linket i hver e-mail; så sletter vi din adresse.',
      consentPlan:
        'Vi gemmer kun din e-mailadresse og tidspunktet for dit samtykke, så vi kan sende dig nye offentlige statusopdateringer om handleplanen »{{title}}«. Du kan til enhver tid afmelde dig med linket i hver e-mail; så sletter vi din adresse.',
      submit: 'Følg med',
      submitting: 'Sender …',
      sentTitle: 'Tjek din indbakke',
      sent: 'Vi har sendt en e-mail til {{email}} med et link, som du skal klikke på for at bekræfte. Linket virker i 48 timer. Kommer e-mailen ikke, så kig i din spam-mappe.',
      again: 'Brug en anden e-mailadresse',
      failed: 'Det lykkedes ikke at tilmelde dig',
      tooMany: 'Der er sendt for mange tilmeldinger herfra. Prøv igen om {{minutes}} minutter.',
      tooManyUnknown: 'Der er sendt for mange tilmeldinger herfra. Prøv igen senere.',
      gone: 'Det, du vil følge, er ikke offentligt længere.',
    },
  },
  en: {
    pubFollow: {
      heading: 'Follow by e-mail',
      leadInitiative: 'Get an e-mail when there is a new public status update about the initiative.',
      leadPlan: 'Get an e-mail when there is a new public status update about one of the plan’s initiatives.',
      email: 'Your e-mail address',
      emailRequired: 'Enter your e-mail address.',
      emailInvalid: 'Enter a valid e-mail address, such as name@example.com.',
      emailMax: 'The e-mail address can have at most {{max}} characters.',
      consentInitiative:
        'We store only your e-mail address and the time of your consent, so that we can send you new public status updates about the initiative “{{title}}”. You can unsubscribe at any time with the link in every e-mail; we then delete your address.',
      consentPlan:
        'We store only your e-mail address and the time of your consent, so that we can send you new public status updates about the action plan “{{title}}”. You can unsubscribe at any time with the link in every e-mail; we then delete your address.',
      submit: 'Follow',
      submitting: 'Sending …',
      sentTitle: 'Check your inbox',
      sent: 'We have sent an e-mail to {{email}} with a link to click to confirm. The link works for 48 hours. If the e-mail does not arrive, look in your spam folder.',
      again: 'Use another e-mail address',
      failed: 'We could not sign you up',
      tooMany: 'Too many sign-ups have been sent from here. Try again in {{minutes}} minutes.',
      tooManyUnknown: 'Too many sign-ups have been sent from here. Try again later.',
      gone: 'What you want to follow is no longer public.',
    },
  },
};

/** The form's texts live under `pubFollow.` in the merged translations (checked by follow-form.spec.ts). */
export const followKey = (key: string): string => `pubFollow.${key}`;

/** `translate` for the form's own texts: `'heading' | fdFollowText` is `pubFollow.heading`. */
@Pipe({ name: 'fdFollowText', pure: false })
export class FollowTextPipe extends TranslatePipe implements PipeTransform {
  override transform(query: string, ...args: unknown[]): string {
    return super.transform(followKey(query), ...args) as string;
  }
}
