// Registers the admin operations under the names the endpoint and the CLI use.
import { adminOperations } from './registry.js';
import { scimGroupMapOp, scimTokenOp } from '../scim/scim-admin.js';
import { revokeTokensOp } from './token-operations.js';
import { addMemberOp, createSpaceOp, importDirectoryOp, removeMemberOp, setPolicyOp } from './operations.js';
import { personStatusOp } from './person-status.js';
import { setRecognitionOp } from '../recognition/recognition-admin.js';

adminOperations['directory-import'] = importDirectoryOp;
adminOperations['policy-set'] = setPolicyOp;
adminOperations['space-create'] = createSpaceOp;
adminOperations['space-add-member'] = addMemberOp;
adminOperations['space-remove-member'] = removeMemberOp;
adminOperations['scim-token'] = scimTokenOp;
adminOperations['token-revoke'] = revokeTokensOp;
adminOperations['scim-group-map'] = scimGroupMapOp;
adminOperations['person-status'] = personStatusOp;
adminOperations['recognition-set'] = setRecognitionOp;

export { adminOperations };
