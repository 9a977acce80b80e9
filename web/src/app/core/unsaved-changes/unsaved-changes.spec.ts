import { Component, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { ActivatedRouteSnapshot, RouterStateSnapshot } from '@angular/router';
import { provideI18nTesting } from '../i18n/testing';
import { UnsavedChanges, unsavedChangesGuard, type HasUnsavedChanges } from './unsaved-changes';

@Component({ selector: 'fd-editor', template: '' })
class Editor {
  dirty = false;
  constructor() {
    inject(UnsavedChanges).track(() => this.dirty);
  }
}

const leave = (page: HasUnsavedChanges) =>
  TestBed.runInInjectionContext(() => unsavedChangesGuard(page, {} as ActivatedRouteSnapshot, {} as RouterStateSnapshot, {} as RouterStateSnapshot));

describe('unsaved changes', () => {
  beforeEach(() => TestBed.configureTestingModule({ providers: [provideI18nTesting(), UnsavedChanges] }));

  it('asks only while an editor has something unsaved, and forgets editors that are gone', () => {
    const changes = TestBed.inject(UnsavedChanges);
    const fixture = TestBed.createComponent(Editor);
    expect(changes.any()).toBe(false);
    fixture.componentInstance.dirty = true;
    expect(changes.any()).toBe(true);
    fixture.destroy();
    expect(changes.any()).toBe(false);
  });

  it('lets the user decide before leaving a page with unsaved changes', () => {
    const confirm = jest.spyOn(globalThis, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    expect(leave({ hasUnsavedChanges: () => false })).toBe(true);
    expect(confirm).not.toHaveBeenCalled();
    expect(leave({ hasUnsavedChanges: () => true })).toBe(false);
    expect(leave({ hasUnsavedChanges: () => true })).toBe(true);
    expect(confirm).toHaveBeenCalledWith('Du har ændringer, der ikke er gemt. Vil du forlade siden alligevel?');
    confirm.mockRestore();
  });
});
