import type { ViewerData } from '../../lib/viewer';

/** Where each role starts after logging in. */
export function homeOf(viewer: ViewerData | null | undefined): string {
  switch (viewer?.user.role) {
    case 'SELLER':
      return '/requests';
    case 'PARTNER':
      return '/leads';
    case 'OPERATOR':
      return '/operator/queue';
    default:
      return '/';
  }
}
