import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideI18nTesting } from '../../../core/i18n/testing';
import { PageNav, type PageSection } from './page-nav';

const SECTIONS: PageSection[] = [
  { id: 'overblik', heading: 'overview-heading', label: 'initiative.overview' },
  { id: 'milepaele', heading: 'milestones-heading', label: 'milestones.title' },
];

@Component({
  imports: [PageNav],
  template: `
    <fd-page-nav [sections]="sections" path="/initiativer/i1" />
    <section id="overblik"><h2 id="overview-heading" tabindex="-1">Oversigt</h2></section>
    <section id="milepaele"><h2 id="milestones-heading" tabindex="-1">Milepæle</h2></section>
  `,
})
class Host {
  readonly sections = SECTIONS;
}

function setup() {
  TestBed.configureTestingModule({ imports: [Host], providers: [provideI18nTesting()] });
  const fixture = TestBed.createComponent(Host);
  // The headings must be in the document for getElementById and focus.
  document.body.appendChild(fixture.nativeElement);
  return { fixture, element: fixture.nativeElement as HTMLElement };
}

const text = (element: Element | null | undefined) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('PageNav', () => {
  afterEach(() => document.body.replaceChildren());

  it('is a navigation landmark named "På denne side" with a link to each section of this page', async () => {
    const { fixture, element } = setup();
    await fixture.whenStable();
    const nav = element.querySelector('nav');
    expect(nav?.getAttribute('aria-label')).toBe('På denne side');
    const links = Array.from(element.querySelectorAll('nav a'));
    expect(links.map((link) => text(link))).toEqual(['Oversigt', 'Milepæle']);
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['/initiativer/i1#overblik', '/initiativer/i1#milepaele']);
  });

  it('moves focus to the section’s heading, brings it into view and marks the link as current', async () => {
    const { fixture, element } = setup();
    await fixture.whenStable();
    const heading = element.querySelector<HTMLElement>('#milestones-heading') as HTMLElement;
    const scrolled = jest.fn();
    heading.scrollIntoView = scrolled;
    const link = Array.from(element.querySelectorAll<HTMLAnchorElement>('nav a')).find((a) => text(a) === 'Milepæle') as HTMLAnchorElement;

    const click = new MouseEvent('click', { cancelable: true, bubbles: true });
    link.dispatchEvent(click);
    await fixture.whenStable();

    expect(click.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(heading);
    expect(scrolled).toHaveBeenCalledWith({ block: 'start' });
    expect(link.getAttribute('aria-current')).toBe('true');
    expect(element.querySelector('nav a[href$="#overblik"]')?.getAttribute('aria-current')).toBeNull();
  });
});
