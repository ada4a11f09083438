import { bindingOperation, bindingProperties } from './binding';

export const properties = bindingProperties;
export const operation = bindingOperation('bind');
