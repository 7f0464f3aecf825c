/** 待办 — the public face of the to-do module. */
export { TodoService } from './todo.service';
export { TodoResolver } from './todo.resolver';
export { TodoKind, TodoItem } from './todo.objects';
