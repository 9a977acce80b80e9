import { Routes } from '@angular/router';

const loadInitiativeList = () => import('./features/initiatives/initiative-list/initiative-list').then((m) => m.InitiativeList);

export const routes: Routes = [
  { path: '', pathMatch: 'full', title: 'Initiativer – Fremdrift', loadComponent: loadInitiativeList },
  { path: 'initiativer', title: 'Initiativer – Fremdrift', loadComponent: loadInitiativeList },
  {
    path: '**',
    title: 'Siden findes ikke – Fremdrift',
    loadComponent: () => import('./features/not-found/not-found').then((m) => m.NotFound),
  },
];
