import { defineStore } from 'pinia';
import { reactive, ref } from 'vue';
import { customersApi, type CustomerDto, type CustomerFilters, type SavedQuery } from '../services/customers.ts';

/** The customer list: filters, the current page, the user's saved queries. */
export const useCustomersStore = defineStore('customers', () => {
  const filters = reactive<CustomerFilters>({ page: 1, pageSize: 20, view: '' });
  const items = ref<CustomerDto[]>([]);
  const total = ref(0);
  const loading = ref(false);
  const saved = ref<SavedQuery[]>([]);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      const res = await customersApi.list(filters);
      items.value = res.items;
      total.value = res.total;
    } finally {
      loading.value = false;
    }
  }

  async function loadSaved(): Promise<void> {
    saved.value = (await customersApi.savedQueries('customer')).items;
  }

  function apply(filter: Record<string, unknown>): Promise<void> {
    Object.assign(filters, { name: '', level: '', industry: '', view: '' }, filter, { page: 1 });
    return load();
  }

  return { filters, items, total, loading, saved, load, loadSaved, apply };
});
