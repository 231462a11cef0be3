import { CORE_VERSION } from '@hearth/core';
export const RELAY_CORE = CORE_VERSION;
