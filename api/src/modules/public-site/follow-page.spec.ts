import { followErrorPage, followFailedPage, followForm, followSentPage, type FollowTarget } from './follow-page';
import { translator } from './public-site-texts';

const da = translator('da');
const en = translator('en');
const initiative: FollowTarget = { kind: 'initiative', id: '5b582a35-f29d-4500-8931-7edb3948b585', title: 'Sprogpraktik' };
const plan: FollowTarget = { kind: 'plan', id: 'a34c339f-9b86-4942-b686-4fc42e7e959e', title: 'Flygtningehandleplan' };
const words = (markup: string) => markup.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('followForm', () => {
  it('posts to the target’s own address, labels the field and describes it with the consent text that names the target', () => {
    const markup = followForm(da, initiative).value;
    expect(markup).toMatch(/<form class="form follow__form" method="post" action="\/initiativ\/5b582a35-f29d-4500-8931-7edb3948b585\/foelg" novalidate>/);
    expect(markup).toMatch(/<label for="follow-initiative-email">Din e-mailadresse<\/label>/);
    expect(markup).toMatch(/id="follow-initiative-email"[^>]*name="email"[^>]*type="email"/);
    expect(markup).toMatch(/aria-describedby="follow-initiative-consent"/);
    expect(markup).not.toContain('aria-invalid');
    expect(words(markup)).toContain('initiativet »Sprogpraktik«');
    expect(markup).toMatch(/<h2 class="follow__heading"/);
  });

  it('says “plan” on a plan’s page, and speaks English', () => {
    expect(followForm(da, plan).value).toMatch(/action="\/handleplan\/a34c339f-9b86-4942-b686-4fc42e7e959e\/foelg"/);
    expect(words(followForm(da, plan).value)).toContain('handleplanen »Flygtningehandleplan«');
    expect(words(followForm(en, plan).value)).toContain('the action plan “Flygtningehandleplan”');
  });

  it('escapes the target’s title in the consent text', () => {
    const markup = followForm(da, { ...initiative, title: '<b>fed</b>' }).value;
    expect(markup).not.toContain('<b>');
    expect(markup).toContain('»&lt;b&gt;fed&lt;/b&gt;«');
  });
});

describe('followErrorPage', () => {
  it('puts an error summary that links to the field above the h1, and the message and the value on the field', () => {
    const { title, main } = followErrorPage(da, initiative, { email: 'ikke"en>adresse', error: 'emailInvalid' });
    expect(title).toBe('Fejl: Følg med på e-mail');
    const markup = main.value;
    expect(markup.indexOf('error-summary')).toBeLessThan(markup.indexOf('<h1'));
    expect(markup).toMatch(/<a href="#follow-initiative-email">Skriv en gyldig e-mailadresse, fx navn@example.dk.<\/a>/);
    expect(markup).toMatch(/role="alert"/);
    expect(markup).toMatch(
      /<p class="field-error" id="follow-initiative-email-error"><span class="visually-hidden">Fejl: <\/span>Skriv en gyldig e-mailadresse/,
    );
    expect(markup).toMatch(/aria-describedby="follow-initiative-email-error follow-initiative-consent"/);
    expect(markup).toMatch(/aria-invalid="true"/);
    expect(markup).toContain('value="ikke&quot;en&gt;adresse"');
    expect(markup.match(/<h1[\s>]/g)).toHaveLength(1);
    expect(markup).not.toMatch(/<h2 class="follow__heading"/);
  });

  it('gives the limit in the message for a long address', () => {
    const { main } = followErrorPage(en, plan, { email: 'x', error: 'emailMax' });
    expect(words(main.value)).toContain('The e-mail address can have at most 254 characters.');
  });
});

describe('followSentPage and followFailedPage', () => {
  it('says to check the inbox, naming the address as text, with a way to use another', () => {
    const { title, main } = followSentPage(da, initiative, '<i>borger</i>@example.dk');
    expect(title).toBe('Tjek din indbakke');
    expect(main.value).toContain('Vi har sendt en e-mail til &lt;i&gt;borger&lt;/i&gt;@example.dk med et link');
    expect(main.value).toContain('href="/initiativ/5b582a35-f29d-4500-8931-7edb3948b585#foelg"');
  });

  it('tells how long to wait when there were too many, rounding up to whole minutes', () => {
    expect(words(followFailedPage(da, initiative, { tooMany: 61 }).main.value)).toContain('Prøv igen om 2 minutter.');
    expect(words(followFailedPage(da, initiative, { tooMany: null }).main.value)).toContain('Prøv igen senere.');
    expect(followFailedPage(da, initiative, { tooMany: 5 }).title).toBe('Det lykkedes ikke at tilmelde dig');
  });

  it('says when the target is gone, or the form came from another site', () => {
    expect(words(followFailedPage(da, null, 'gone').main.value)).toContain('Det, du vil følge, er ikke offentligt længere.');
    expect(words(followFailedPage(en, plan, 'crossSite').main.value)).toContain('The form was sent from another website.');
  });
});
