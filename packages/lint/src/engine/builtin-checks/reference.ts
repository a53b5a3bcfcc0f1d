import { family } from './define.js';

/** HAProxy names that must refer to something declared elsewhere in the configuration. */
export const REFERENCE_CHECKS = family('reference', {
  'defaults-rules-inheritance': ['error', 'A defaults section with TCP/HTTP rules is inherited where HAProxy forbids it'],
  'duplicate-proxy': ['error', 'Two frontends, two backends, or a listen section and either, share a name'],
  'undefined-acl': ['error', 'A condition names an ACL not declared above it in the same section'],
  'undefined-backend': ['error', 'use_backend or default_backend names no backend or listen section'],
  'undefined-server': ['error', "use-server names a server the section does not have"],
  'undefined-table': ['error', 'A track-sc rule tracks into a table that has no stick-table'],
  'undefined-userlist': ['error', 'http_auth or http_auth_group names no userlist'],
});
