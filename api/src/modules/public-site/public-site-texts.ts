import { EXPORT_LABELS } from '../../core/export/labels';

/**
 * The public pages' texts, Danish first, English second. Both languages have the same keys (the
 * compiler checks `en` against `da`'s shape, and public-site-texts.spec.ts the other way).
 * `{{name}}` is filled from params; `{ one, other }` are plural forms chosen by count.
 */
const da = {
  shell: {
    skipLink: 'Gå til indhold',
    tagline: 'Opfølgning på samskabte handleplaner',
    footer: 'Fremdrift · Åbenhed om kommunens samskabte initiativer · {{year}}',
    switchLanguage: 'English',
    login: 'Log ind',
    loginHint: 'for medarbejdere',
    footerNav: 'Om siden',
    aboutData: 'Om data',
    accessibility: 'Tilgængelighedserklæring',
    frontPage: 'Alle initiativer',
    toApp: 'Gå til Fremdrift',
  },
  titles: {
    front: 'Initiativerne',
    initiative: 'Initiativ',
    plan: 'Handleplan',
    aboutData: 'Om data',
    accessibility: 'Tilgængelighedserklæring',
  },
  notFound: {
    title: 'Siden findes ikke',
    text: 'Adressen passer ikke til nogen side. Måske er linket forældet.',
    link: 'Alle initiativer',
  },
  // The domain's words, as the exports say them.
  enum: EXPORT_LABELS.da,
  pagination: {
    pages: 'Sider',
    previous: 'Forrige side',
    next: 'Næste side',
    position: 'Side {{page}} af {{count}}',
  },
  progress: {
    label: 'Fremdrift for {{title}}',
    expected: 'forventet {{value}}',
    valueText: '{{value}}, forventet {{expected}}',
  },
  pub: {
    front: {
      title: 'Kommunens samskabte initiativer',
      lead: 'Her kan du følge de initiativer, som borgere, frivillige, virksomheder, foreninger og kommunen har skabt sammen: hvem der har ansvaret, hvor langt de er, og hvad der er sket for nylig.',
      lastUpdated: 'Sidst opdateret {{date}}',
      search: 'Søg',
      searchHint: 'Søg i titel, beskrivelse, afdelinger og samarbejdspartnere',
      department: 'Afdeling',
      goal: 'Mål',
      health: 'Vurdering',
      status: 'Status',
      all: 'Alle',
      clear: 'Nulstil filtre',
      filters: 'Søg og filtrér',
      submit: 'Vis initiativer',
      searchTooLong: 'Søgningen må højst være {{max}} tegn.',
      pageTooFar: 'Der er ikke så mange initiativer.',
      firstPage: 'Gå til første side',
      count: {
        one: 'Viser 1 initiativ',
        other: 'Viser {{count}} initiativer',
      },
      noMatch: 'Ingen initiativer matcher',
      noMatchHint: 'Prøv et andet søgeord, eller nulstil filtrene for at se alle initiativer.',
      none: 'Der er endnu ingen offentliggjorte initiativer.',
      noGoal: 'Øvrige initiativer',
      openData: 'Tag data med',
      openDataLead: 'Alle tal og tekster på siden er åbne data. Læs mere under "Om data".',
      json: 'JSON (til udviklere)',
      csv: 'CSV (til regneark som Excel)',
      feed: 'Nyhedsfeed (Atom) med nye statusopdateringer',
      planLink: 'Læs historien om handleplanen',
      aboutLink: 'Om data: felter, kolonner og feeds',
    },
    card: {
      lead: 'Ansvarlig afdeling',
      participating: 'Deltagende afdelinger',
      progress: 'Fremdrift for {{title}}',
      health: 'Vurdering',
      status: 'Status',
      completed: 'Nået',
      next: 'Næste milepæl',
      noNext: 'Ingen kommende milepæle',
      latest: 'Seneste status',
      partners: 'Samarbejdspartnere',
      updated: 'Opdateret {{date}}',
      more: 'Se hele forløbet for {{title}}',
      due: 'senest {{date}}',
      completedOn: 'nået {{date}}',
    },
    initiative: {
      back: 'Alle initiativer',
      notFoundTitle: 'Initiativet findes ikke eller er ikke offentligt',
      notFoundLead: 'Måske er adressen skrevet forkert, eller også er initiativet ikke offentliggjort endnu.',
      notFoundLink: 'Se alle offentlige initiativer',
      plan: 'Handleplan',
      goal: 'Mål',
      period: 'Periode',
      from: 'Start',
      to: 'Forventet færdig',
      timeline: 'Tidslinje',
      timelineLead: 'Milepæle og offentlige statusopdateringer, nyeste først.',
      milestones: 'Milepæle',
      noMilestones: 'Der er ingen milepæle endnu.',
      updates: 'Statusopdateringer',
      noUpdates: 'Der er ingen offentlige statusopdateringer endnu.',
      updatePeriod: 'Status for {{from}} – {{to}}',
      published: 'Offentliggjort {{date}}',
      milestoneDone: 'Milepæl nået',
      milestoneDue: 'Milepæl, planlagt',
      milestoneOpen: 'Milepæl uden dato',
      share: 'Fast adresse til deling',
      partnerTypes: {
        citizen_group: 'Borgergruppe',
        volunteer_organisation: 'Frivilligorganisation',
        company: 'Virksomhed',
        civil_society_association: 'Forening',
        public_body: 'Offentlig myndighed',
        other: 'Andet',
      },
    },
    plan: {
      notFoundTitle: 'Handleplanen findes ikke',
      notFoundLead: 'Måske er adressen skrevet forkert.',
      story: 'Sådan blev planen til',
      coCreatedOn: 'Planen blev skabt sammen {{date}}.',
      method: 'Metode',
      participants: 'Hvem var med',
      participantsLead: {
        one: 'I alt deltog 1 person.',
        other: 'I alt deltog {{count}} personer.',
      },
      group: 'Gruppe',
      number: 'Antal',
      total: 'I alt',
      goals: 'Planens mål',
      initiatives: 'Planens initiativer',
      noInitiatives: 'Planen har endnu ingen offentliggjorte initiativer.',
      feed: 'Følg planen: nyhedsfeed (Atom)',
      groups: {
        citizens: 'Borgere',
        volunteers: 'Frivillige',
        companies: 'Virksomheder',
        civilSociety: 'Foreninger og civilsamfund',
        staff: 'Kommunens medarbejdere og ledere',
      },
    },
    about: {
      title: 'Om data',
      lead: 'Alt, hvad du ser om initiativerne, er åbne data. Du må frit hente, bruge og dele dem. Kun initiativer, som kommunen har valgt at offentliggøre, og kun godkendte offentlige tekster er med.',
      endpoints: 'Adresser',
      endpoint: 'Adresse',
      format: 'Indhold',
      eList:
        'De offentlige initiativer som JSON, en side ad gangen (page, pageSize: højst 100), med total. Filtre: plan, goal, department (afdelingens kode), status, health og q (søgning).',
      eJson: 'Alle offentlige initiativer som én JSON-fil (til download), med total.',
      eOne: 'Ét initiativ som JSON. Svarer 404, hvis det ikke findes eller ikke er offentligt.',
      ePlans: 'Alle handleplaner som JSON.',
      ePlan: 'Én handleplan som JSON.',
      eCsv: 'Alle offentlige initiativer som CSV: UTF-8 med BOM og semikolon, så dansk Excel åbner den rigtigt.',
      eFeed: 'Nyhedsfeed (Atom) med de seneste godkendte statusopdateringer fra alle initiativer.',
      ePlanFeed: 'Nyhedsfeed (Atom) for én handleplan.',
      rule: {
        title: 'Sådan beregnes fremdriften',
        link: 'Sådan beregnes fremdriften',
        milestones:
          'Et initiativs fremdrift er den andel af dets milepæle, der er nået, vægtet med milepælenes vægt. Afdelingen giver hver milepæl en vægt efter, hvor stor en del af arbejdet den er; har alle milepæle vægten 0, tæller de lige meget.',
        completed: 'Et afsluttet initiativ har altid {{share}} fremdrift, uanset milepælene.',
        byStatus: 'Fremdrift for et initiativ uden milepæle, efter status',
        status: 'Status',
        progress: 'Fremdrift',
        expected:
          'Forventet fremdrift er, hvor langt initiativet burde være i dag, hvis arbejdet gik jævnt fra startdatoen til den forventede slutdato: 0 % før start, 100 % fra slutdatoen, og lige imellem.',
        rollUp:
          'En handleplans, et måls eller en afdelings samlede fremdrift er gennemsnittet af initiativernes fremdrift, hvor hvert initiativ tæller lige meget. For en afdeling regnes de initiativer, den har ansvaret for, og dem, den deltager i, hver for sig.',
        check:
          'Du kan selv regne efter: felterne progress og expectedProgress i JSON (fremdrift_procent og forventet_fremdrift_procent i CSV) er beregnet efter netop disse regler.',
      },
      catalog: 'Til dataportaler (DCAT-AP-DK)',
      catalogLead:
        'Datasættene er beskrevet i et katalog efter den danske standard DCAT-AP-DK, så dataportaler som Open Data DK kan høste dem automatisk: titel, beskrivelse, udgiver, kontakt, licens, geografisk dækning, opdateringsfrekvens og adresser.',
      catalogTurtle: 'Kataloget i Turtle.',
      catalogJsonLd: 'Kataloget i JSON-LD.',
      catalogNegotiated: 'Kataloget i det format, klienten beder om (Accept: text/turtle eller application/ld+json).',
      fields: 'Felterne i JSON',
      field: 'Felt',
      meaning: 'Betydning',
      columns: 'Kolonnerne i CSV-filen',
      column: 'Kolonne',
      feeds: 'Følg med',
      feedsLead:
        'Et nyhedsfeed viser nye statusopdateringer i en feedlæser (for eksempel i din mailklient eller browser). Kopiér adressen ind i din feedlæser.',
      values:
        'Vurdering er on_track (på sporet), at_risk (i risiko) eller off_track (bagud). Status er idea, planned, in_progress, on_hold, completed eller cancelled. Datoer er ÅÅÅÅ-MM-DD; tidspunkter er ISO 8601 i UTC.',
      f: {
        id: 'Initiativets faste id. Det ændrer sig ikke.',
        title: 'Initiativets titel.',
        summary: 'Kort beskrivelse af initiativet.',
        actionPlan: 'Den handleplan, initiativet hører til (id og titel).',
        goal: 'Det mål i handleplanen, initiativet arbejder for (kan mangle).',
        leadDepartment: 'Den afdeling (magistratsafdeling), der har ansvaret: id, kode og navn.',
        participatingDepartments: 'Andre afdelinger, der er med.',
        status: 'Hvor initiativet er i sit forløb.',
        health: 'Afdelingens vurdering af, om initiativet er på sporet.',
        progress: 'Hvor langt initiativet er, fra 0 til 1.',
        expectedProgress: 'Hvor langt det burde være nu efter sin plan, fra 0 til 1 (mangler uden start- og slutdato).',
        startDate: 'Startdato.',
        targetDate: 'Forventet slutdato.',
        milestones: 'Milepæle: titel, planlagt dato (dueDate) og dato for, hvornår den blev nået (completedDate).',
        updates: 'Godkendte offentlige statusopdateringer, nyeste først: periode, vurdering, tekst og tidspunkt for offentliggørelse.',
        partners: 'Samarbejdspartnere, der har sagt ja til at blive nævnt: navn, type og rolle.',
        lastUpdatedAt: 'Hvornår initiativet sidst blev ændret.',
      },
      c: {
        id: 'Initiativets faste id.',
        titel: 'Titel.',
        resume: 'Kort beskrivelse.',
        handleplan: 'Handleplanens titel.',
        maal: 'Målets titel.',
        ansvarlig_afdeling_kode: 'Den ansvarlige afdelings kode, fx MSO.',
        ansvarlig_afdeling: 'Den ansvarlige afdelings navn.',
        deltagende_afdelinger: 'Deltagende afdelinger, adskilt af komma.',
        status: 'Status (se værdierne ovenfor).',
        vurdering: 'Vurdering (se værdierne ovenfor).',
        fremdrift_procent: 'Fremdrift i hele procent.',
        forventet_fremdrift_procent: 'Forventet fremdrift i hele procent.',
        startdato: 'Startdato.',
        slutdato: 'Forventet slutdato.',
        milepaele_i_alt: 'Antal milepæle.',
        milepaele_naaet: 'Antal nåede milepæle.',
        seneste_status_periode_slut: 'Sidste dag i perioden for den seneste statusopdatering.',
        seneste_status_tekst: 'Teksten i den seneste statusopdatering.',
        samarbejdspartnere: 'Samarbejdspartnere, adskilt af komma.',
        sidst_opdateret: 'Hvornår initiativet sidst blev ændret.',
      },
    },
    a11y: {
      title: 'Tilgængelighedserklæring',
      lead: 'Kommunen ønsker, at alle kan bruge denne side. Erklæringen gælder siderne om de samskabte initiativer på denne adresse.',
      placeholder: 'Pladsholder: udfyldes af kommunen',
      placeholderSetting: 'Pladsholder: udfyldes af kommunen med indstillingen {{setting}}',
      wasTitle: 'Kommunens tilgængelighedserklæring',
      wasLead: 'Kommunens tilgængelighedserklæring for denne side er offentliggjort hos Digitaliseringsstyrelsen (WAS-Tool).',
      wasLink: 'Læs tilgængelighedserklæringen',
      statusTitle: 'Overholdelse',
      status:
        'Siden er udviklet efter standarden WCAG 2.1 på niveau AA og overholder den efter vores egen vurdering delvist, jf. lov om tilgængelighed af offentlige organers websteder og mobilapplikationer.',
      compliantTitle: 'Det virker',
      compliant: [
        'Siden kan bruges med tastatur alene, og fokus er altid synligt.',
        'Siden kan bruges med skærmlæser; overskrifter, links og felter har tekst.',
        'Farver har tilstrækkelig kontrast, og farve er aldrig det eneste, der bærer en oplysning (vurderingen vises også med ord og figur).',
        'Siden kan bruges på en telefon og med forstørrelse op til 400 % (320 pixel bred skærm) uden vandret rulning.',
        'Siden findes på dansk og engelsk.',
      ],
      limitationsTitle: 'Kendte begrænsninger',
      limitations: [
        'Teksterne i statusopdateringerne skrives af kommunens medarbejdere; de kan indeholde fagord, som vi arbejder på at undgå.',
        'CSV-filen og nyhedsfeedet er maskinlæsbare formater og har ikke de samme hjælpemidler som siden.',
      ],
      methodTitle: 'Sådan har vi vurderet siden',
      method: 'Vurderingen er lavet af udviklerne med automatisk test (axe-core) af alle sider og manuel gennemgang med tastatur og ved 320 pixels bredde.',
      preparedOn: 'Erklæringen blev udarbejdet den',
      feedbackTitle: 'Giv os besked',
      feedback: 'Oplever du problemer med tilgængeligheden, eller har du brug for indholdet i en anden form, så kontakt os:',
      email: 'E-mail',
      phone: 'Telefon',
      responsible: 'Ansvarlig enhed',
      enforcementTitle: 'Klag over tilgængeligheden',
      enforcement:
        'Er du ikke tilfreds med vores svar, kan du klage til Digitaliseringsstyrelsen, som fører tilsyn med, at offentlige websteder er tilgængelige.',
      enforcementLink: 'Digitaliseringsstyrelsens side om tilgængelighed',
    },
    follow: {
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
      crossSite: 'Formularen blev sendt fra en anden hjemmeside. Gå til siden for initiativet eller handleplanen, og tilmeld dig der.',
      errorPrefix: 'Fejl',
      errorSummary: 'Der er et problem',
      back: 'Tilbage til {{title}}',
    },
  },
};

export type PublicTexts = typeof da;

const en: PublicTexts = {
  shell: {
    skipLink: 'Skip to content',
    tagline: 'Following up on co-created action plans',
    footer: 'Fremdrift · Transparency about the municipality’s co-created initiatives · {{year}}',
    switchLanguage: 'Dansk',
    login: 'Log in',
    loginHint: 'for staff',
    footerNav: 'About this site',
    aboutData: 'About the data',
    accessibility: 'Accessibility statement',
    frontPage: 'All initiatives',
    toApp: 'Go to Fremdrift',
  },
  titles: {
    front: 'The initiatives',
    initiative: 'Initiative',
    plan: 'Action plan',
    aboutData: 'About the data',
    accessibility: 'Accessibility statement',
  },
  notFound: {
    title: 'Page not found',
    text: 'The address does not match any page. Perhaps the link is out of date.',
    link: 'All initiatives',
  },
  enum: EXPORT_LABELS.en,
  pagination: {
    pages: 'Pages',
    previous: 'Previous page',
    next: 'Next page',
    position: 'Page {{page}} of {{count}}',
  },
  progress: {
    label: 'Progress of {{title}}',
    expected: 'expected {{value}}',
    valueText: '{{value}}, expected {{expected}}',
  },
  pub: {
    front: {
      title: "The municipality's co-created initiatives",
      lead: 'Follow the initiatives that citizens, volunteers, companies, associations and the municipality created together: who is responsible, how far they have come, and what happened lately.',
      lastUpdated: 'Last updated {{date}}',
      search: 'Search',
      searchHint: 'Search titles, descriptions, departments and partners',
      department: 'Department',
      goal: 'Goal',
      health: 'Assessment',
      status: 'Status',
      all: 'All',
      clear: 'Clear filters',
      filters: 'Search and filter',
      submit: 'Show initiatives',
      searchTooLong: 'The search can have at most {{max}} characters.',
      pageTooFar: 'There are not that many initiatives.',
      firstPage: 'Go to the first page',
      count: {
        one: 'Showing 1 initiative',
        other: 'Showing {{count}} initiatives',
      },
      noMatch: 'No initiatives match',
      noMatchHint: 'Try another search word, or clear the filters to see all initiatives.',
      none: 'No initiatives have been published yet.',
      noGoal: 'Other initiatives',
      openData: 'Take the data with you',
      openDataLead: 'All figures and texts on this page are open data. Read more under "About the data".',
      json: 'JSON (for developers)',
      csv: 'CSV (for spreadsheets such as Excel)',
      feed: 'News feed (Atom) of new status updates',
      planLink: 'Read the story of the action plan',
      aboutLink: 'About the data: fields, columns and feeds',
    },
    card: {
      lead: 'Lead department',
      participating: 'Participating departments',
      progress: 'Progress of {{title}}',
      health: 'Assessment',
      status: 'Status',
      completed: 'Reached',
      next: 'Next milestone',
      noNext: 'No upcoming milestones',
      latest: 'Latest status',
      partners: 'Partners',
      updated: 'Updated {{date}}',
      more: 'See the whole story of {{title}}',
      due: 'by {{date}}',
      completedOn: 'reached {{date}}',
    },
    initiative: {
      back: 'All initiatives',
      notFoundTitle: 'The initiative does not exist or is not public',
      notFoundLead: 'The address may be mistyped, or the initiative has not been published yet.',
      notFoundLink: 'See all public initiatives',
      plan: 'Action plan',
      goal: 'Goal',
      period: 'Period',
      from: 'Start',
      to: 'Expected end',
      timeline: 'Timeline',
      timelineLead: 'Milestones and public status updates, newest first.',
      milestones: 'Milestones',
      noMilestones: 'There are no milestones yet.',
      updates: 'Status updates',
      noUpdates: 'There are no public status updates yet.',
      updatePeriod: 'Status for {{from}} – {{to}}',
      published: 'Published {{date}}',
      milestoneDone: 'Milestone reached',
      milestoneDue: 'Milestone, planned',
      milestoneOpen: 'Milestone without a date',
      share: 'Permanent address for sharing',
      partnerTypes: {
        citizen_group: 'Citizen group',
        volunteer_organisation: 'Volunteer organisation',
        company: 'Company',
        civil_society_association: 'Association',
        public_body: 'Public body',
        other: 'Other',
      },
    },
    plan: {
      notFoundTitle: 'The action plan does not exist',
      notFoundLead: 'The address may be mistyped.',
      story: 'How the plan was made',
      coCreatedOn: 'The plan was co-created on {{date}}.',
      method: 'Method',
      participants: 'Who took part',
      participantsLead: {
        one: 'In total, 1 person took part.',
        other: 'In total, {{count}} people took part.',
      },
      group: 'Group',
      number: 'Number',
      total: 'Total',
      goals: "The plan's goals",
      initiatives: "The plan's initiatives",
      noInitiatives: 'The plan has no published initiatives yet.',
      feed: 'Follow the plan: news feed (Atom)',
      groups: {
        citizens: 'Citizens',
        volunteers: 'Volunteers',
        companies: 'Companies',
        civilSociety: 'Associations and civil society',
        staff: 'Municipal staff and managers',
      },
    },
    about: {
      title: 'About the data',
      lead: 'Everything you see about the initiatives is open data. You may fetch, use and share it freely. Only initiatives the municipality has chosen to publish, and only approved public texts, are included.',
      endpoints: 'Addresses',
      endpoint: 'Address',
      format: 'Content',
      eList:
        'The public initiatives as JSON, a page at a time (page, pageSize: at most 100), with total. Filters: plan, goal, department (its code), status, health and q (search).',
      eJson: 'All public initiatives as one JSON file (a download), with total.',
      eOne: 'One initiative as JSON. Answers 404 if it does not exist or is not public.',
      ePlans: 'All action plans as JSON.',
      ePlan: 'One action plan as JSON.',
      eCsv: 'All public initiatives as CSV: UTF-8 with BOM and semicolons, so that Danish Excel opens it correctly.',
      eFeed: 'News feed (Atom) of the latest approved status updates of all initiatives.',
      ePlanFeed: 'News feed (Atom) for one action plan.',
      rule: {
        title: 'How progress is computed',
        link: 'How progress is computed',
        milestones:
          "An initiative's progress is the share of its milestones that have been reached, weighted by the milestones' weights. The department gives each milestone a weight by how large a part of the work it is; when every milestone has weight 0, they count the same.",
        completed: 'A completed initiative always has {{share}} progress, whatever its milestones.',
        byStatus: 'Progress of an initiative without milestones, by status',
        status: 'Status',
        progress: 'Progress',
        expected:
          'Expected progress is how far the initiative should be today if the work ran evenly from the start date to the target date: 0% before the start, 100% from the target date, and linear in between.',
        rollUp:
          "The overall progress of an action plan, a goal or a department is the average of its initiatives' progress, each initiative counting the same. For a department, the initiatives it leads and those it takes part in are counted separately.",
        check:
          'You can check the numbers yourself: the fields progress and expectedProgress in the JSON (fremdrift_procent and forventet_fremdrift_procent in the CSV) are computed by exactly these rules.',
      },
      catalog: 'For data portals (DCAT-AP-DK)',
      catalogLead:
        'The datasets are described in a catalogue following the Danish standard DCAT-AP-DK, so that data portals such as Open Data DK can harvest them automatically: title, description, publisher, contact, licence, spatial coverage, update frequency and addresses.',
      catalogTurtle: 'The catalogue in Turtle.',
      catalogJsonLd: 'The catalogue in JSON-LD.',
      catalogNegotiated: 'The catalogue in the format the client asks for (Accept: text/turtle or application/ld+json).',
      fields: 'The fields in JSON',
      field: 'Field',
      meaning: 'Meaning',
      columns: 'The columns of the CSV file',
      column: 'Column',
      feeds: 'Follow along',
      feedsLead: 'A news feed shows new status updates in a feed reader (for example your mail program or browser). Copy the address into your feed reader.',
      values:
        'Assessment is on_track, at_risk or off_track. Status is idea, planned, in_progress, on_hold, completed or cancelled. Dates are YYYY-MM-DD; times are ISO 8601 in UTC.',
      f: {
        id: "The initiative's permanent id. It does not change.",
        title: "The initiative's title.",
        summary: 'A short description of the initiative.',
        actionPlan: 'The action plan the initiative belongs to (id and title).',
        goal: "The plan's goal the initiative works towards (may be missing).",
        leadDepartment: 'The department responsible: id, code and name.',
        participatingDepartments: 'Other departments taking part.',
        status: 'Where the initiative is in its course.',
        health: "The department's assessment of whether the initiative is on track.",
        progress: 'How far the initiative has come, from 0 to 1.',
        expectedProgress: 'How far it should be by now according to its plan, from 0 to 1 (missing without start and end dates).',
        startDate: 'Start date.',
        targetDate: 'Expected end date.',
        milestones: 'Milestones: title, planned date (dueDate) and the date it was reached (completedDate).',
        updates: 'Approved public status updates, newest first: period, assessment, text and time of publication.',
        partners: 'Partners who agreed to be named: name, type and role.',
        lastUpdatedAt: 'When the initiative last changed.',
      },
      c: {
        id: "The initiative's permanent id.",
        titel: 'Title.',
        resume: 'Short description.',
        handleplan: "The action plan's title.",
        maal: "The goal's title.",
        ansvarlig_afdeling_kode: "The lead department's code, e.g. MSO.",
        ansvarlig_afdeling: "The lead department's name.",
        deltagende_afdelinger: 'Participating departments, separated by commas.',
        status: 'Status (see the values above).',
        vurdering: 'Assessment (see the values above).',
        fremdrift_procent: 'Progress in whole percent.',
        forventet_fremdrift_procent: 'Expected progress in whole percent.',
        startdato: 'Start date.',
        slutdato: 'Expected end date.',
        milepaele_i_alt: 'Number of milestones.',
        milepaele_naaet: 'Number of milestones reached.',
        seneste_status_periode_slut: "Last day of the latest status update's period.",
        seneste_status_tekst: 'The text of the latest status update.',
        samarbejdspartnere: 'Partners, separated by commas.',
        sidst_opdateret: 'When the initiative last changed.',
      },
    },
    a11y: {
      title: 'Accessibility statement',
      lead: 'The municipality wants everyone to be able to use this site. This statement covers the pages about the co-created initiatives at this address.',
      placeholder: 'Placeholder: to be filled in by the municipality',
      placeholderSetting: 'Placeholder: to be filled in by the municipality with the setting {{setting}}',
      wasTitle: "The municipality's accessibility statement",
      wasLead: "The municipality's accessibility statement for this site is published with the Danish Agency for Digital Government (WAS-Tool).",
      wasLink: 'Read the accessibility statement',
      statusTitle: 'Compliance status',
      status:
        'The site is built to WCAG 2.1 level AA and, by our own assessment, partially complies with it, as required by the Danish act on the accessibility of public sector websites and mobile applications.',
      compliantTitle: 'What works',
      compliant: [
        'The site can be used with a keyboard alone, and focus is always visible.',
        'The site can be used with a screen reader; headings, links and fields have text.',
        'Colours have sufficient contrast, and colour never carries information alone (the assessment is also shown as words and a shape).',
        'The site works on a phone and at up to 400 % zoom (a 320 pixel wide screen) without horizontal scrolling.',
        'The site is available in Danish and English.',
      ],
      limitationsTitle: 'Known limitations',
      limitations: [
        "The texts of the status updates are written by the municipality's staff; they may contain jargon that we work to avoid.",
        'The CSV file and the news feed are machine-readable formats and lack the aids of the page.',
      ],
      methodTitle: 'How we assessed the site',
      method: 'The developers assessed it with automatic tests (axe-core) of every page and manual checks with the keyboard and at 320 pixels width.',
      preparedOn: 'This statement was prepared on',
      feedbackTitle: 'Tell us',
      feedback: 'If you have trouble with accessibility, or need the content in another form, contact us:',
      email: 'E-mail',
      phone: 'Phone',
      responsible: 'Responsible unit',
      enforcementTitle: 'Complain about accessibility',
      enforcement:
        'If you are not satisfied with our answer, you can complain to the Danish Agency for Digital Government (Digitaliseringsstyrelsen), which supervises the accessibility of public websites.',
      enforcementLink: "Digitaliseringsstyrelsen's page on accessibility",
    },
    follow: {
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
      crossSite: 'The form was sent from another website. Go to the page of the initiative or action plan, and sign up there.',
      errorPrefix: 'Error',
      errorSummary: 'There is a problem',
      back: 'Back to {{title}}',
    },
  },
};

export const PUBLIC_SITE_TEXTS: Readonly<Record<'da' | 'en', PublicTexts>> = { da, en };

export type PublicLanguage = 'da' | 'en';
export const PUBLIC_LANGUAGES: readonly PublicLanguage[] = ['da', 'en'];

export function isPublicLanguage(value: unknown): value is PublicLanguage {
  return value === 'da' || value === 'en';
}

interface PluralForms {
  one: string;
  other: string;
}

type Join<Prefix extends string, Key> = Key extends string ? (Prefix extends '' ? Key : `${Prefix}.${Key}`) : never;

/** Dotted paths to the leaves of type `Leaf`: `'pub.front.title'`. */
type PathsTo<T, Leaf, Prefix extends string = ''> = {
  [K in keyof T]: T[K] extends Leaf
    ? Join<Prefix, K>
    : T[K] extends readonly unknown[]
      ? never
      : T[K] extends object
        ? PathsTo<T[K], Leaf, Join<Prefix, K>>
        : never;
}[keyof T];

export type TextKey = PathsTo<PublicTexts, string>;
export type PluralKey = PathsTo<PublicTexts, PluralForms>;
export type ListKey = PathsTo<PublicTexts, readonly string[]>;
export type TextParams = Readonly<Record<string, string | number>>;

export interface Translator {
  readonly lang: PublicLanguage;
  /** The text at `key` with `{{name}}` placeholders filled from `params`. */
  t(key: TextKey, params?: TextParams): string;
  /** The `one` form for exactly 1, else `other`; `{{count}}` is the formatted number. */
  plural(key: PluralKey, count: number, params?: TextParams): string;
  /** A list of texts (e.g. the accessibility statement's points). */
  list(key: ListKey): readonly string[];
  number(value: number): string;
  /** A share from 0 to 1: `42 %` in Danish, `42%` in English. */
  percent(fraction: number): string;
  /** A calendar date (`2026-11-23`) or a moment as the date in Copenhagen: `23. nov. 2026` / `23 Nov 2026`. */
  date(value: string | Date | null | undefined): string;
  /** A moment with its time in Copenhagen: `23. nov. 2026 14:05`. */
  dateTime(value: string | Date | null | undefined): string;
  /** Danish collation in Danish, English in English. */
  compare(a: string, b: string): number;
}

const LOCALES: Record<PublicLanguage, string> = { da: 'da-DK', en: 'en-GB' };
const TIME_ZONE = 'Europe/Copenhagen';
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

function lookup(texts: PublicTexts, key: string): unknown {
  let node: unknown = texts;
  for (const part of key.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  return node;
}

export function interpolate(text: string, params?: TextParams): string {
  if (!params) return text;
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

const translators = new Map<PublicLanguage, Translator>();

export function translator(lang: PublicLanguage): Translator {
  const cached = translators.get(lang);
  if (cached) return cached;
  const texts = PUBLIC_SITE_TEXTS[lang];
  const locale = LOCALES[lang];
  const numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const percents = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const dayOf = (timeZone: string) => {
    // The app's patterns: `d. MMM y` is what da-DK gives; `d MMM y` in English, with en-US's month names ("Sep", not en-GB's "Sept").
    if (lang === 'da') return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone });
    const parts = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'short', year: 'numeric', timeZone });
    return {
      format: (date: Date) => {
        const of = (type: string) => parts.formatToParts(date).find((p) => p.type === type)?.value ?? '';
        return `${of('day')} ${of('month')} ${of('year')}`;
      },
    };
  };
  const calendarDates = dayOf('UTC');
  const moments = dayOf(TIME_ZONE);
  const times = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: TIME_ZONE });
  const collator = new Intl.Collator(locale);
  const text = (key: string): string => {
    const value = lookup(texts, key);
    return typeof value === 'string' ? value : key;
  };
  const toDate = (value: string | Date): Date => (typeof value === 'string' && CALENDAR_DATE.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value));
  const created: Translator = {
    lang,
    t: (key, params) => interpolate(text(key), params),
    plural: (key, count, params) => interpolate(text(`${key}.${count === 1 ? 'one' : 'other'}`), { ...params, count: numbers.format(count) }),
    list: (key) => {
      const value = lookup(texts, key);
      return Array.isArray(value) ? (value as string[]) : [];
    },
    number: (value) => numbers.format(value),
    percent: (fraction) => percents.format(Number.isFinite(fraction) ? fraction : 0),
    date: (value) => {
      if (value === null || value === undefined || value === '') return '';
      const date = toDate(value);
      if (Number.isNaN(date.getTime())) return '';
      return (typeof value === 'string' && CALENDAR_DATE.test(value) ? calendarDates : moments).format(date);
    },
    dateTime: (value) => {
      if (value === null || value === undefined || value === '') return '';
      const date = toDate(value);
      if (Number.isNaN(date.getTime())) return '';
      const part = (type: string) => times.formatToParts(date).find((p) => p.type === type)?.value ?? '';
      return `${moments.format(date)} ${part('hour')}:${part('minute')}`;
    },
    compare: (a, b) => collator.compare(a, b),
  };
  translators.set(lang, created);
  return created;
}
