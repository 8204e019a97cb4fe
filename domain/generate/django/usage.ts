/** What code the drawing asks for: which CRUD operations a service offers, and what tasks sweep. */
import type { CrudOperation, ModelPlan, Plan, ServicePlan, WorkerPlan } from '../plan/plan';
import { CRUD_OPERATIONS } from '../plan/resources';

/**
 * The operations a service offers for a model: those the routers serving it through this
 * service use (drawn endpoints may leave some out), all five when no router does.
 */
export function serviceOperations(plan: Plan, service: ServicePlan, model: ModelPlan): Set<CrudOperation> {
  const used = new Set<CrudOperation>();
  let served = false;
  for (const r of plan.routers) {
    for (const resource of r.resources) {
      if (resource.model.id !== model.id || resource.provider.node.id !== service.id) continue;
      served = true;
      resource.operations.forEach((op) => used.add(op));
    }
  }
  for (const caller of plan.services) {
    for (const p of caller.provides) {
      if (p.provider.via === 'service' && p.provider.node.id === service.id && p.model.id === model.id) {
        serviceOperations(plan, caller, model).forEach((op) => used.add(op));
        served = true;
      }
    }
  }
  return served ? used : new Set(CRUD_OPERATIONS);
}

/** Whether a router or another service reaches this model through this service. */
export function isServed(plan: Plan, service: ServicePlan, model: ModelPlan): boolean {
  const viaRouter = plan.routers.some((r) => r.resources.some((x) => x.model.id === model.id && x.provider.node.id === service.id));
  const viaCaller = plan.services.some((c) => c.provides.some((p) => p.provider.via === 'service' && p.provider.node.id === service.id && p.model.id === model.id && isServed(plan, c, model)));
  return viaRouter || viaCaller;
}

/** The model a worker's tasks work on: the first model its first service offers. */
export function taskModel(worker: WorkerPlan): ModelPlan | undefined {
  return worker.services[0]?.provides[0]?.model ?? worker.repositories[0]?.models[0] ?? worker.models[0];
}

/** Workers that a scheduler sweeps (the sweep is a task of the worker). */
export function sweptWorkers(plan: Plan): Set<string> {
  return plan.broker ? new Set(plan.schedulers.flatMap((s) => s.workers.map((w) => w.id))) : new Set();
}
