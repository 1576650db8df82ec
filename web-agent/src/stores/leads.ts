import { defineStore } from 'pinia';
import { reactive, ref } from 'vue';
import { leadsApi, type LeadDto, type LeadFilters } from '../services/leads.ts';

/** The leads list: filters, the current page and a reload after any change. */
export const useLeadsStore = defineStore('leads', () => {
  const filters = reactive<LeadFilters>({ page: 1, pageSize: 20 });
  const items = ref<LeadDto[]>([]);
  const total = ref(0);
  const loading = ref(false);

  async function load(): Promise<void> {
    loading.value = true;
    try {
      const res = await leadsApi.list(filters);
      items.value = res.items;
      total.value = res.total;
    } finally {
      loading.value = false;
    }
  }

  return { filters, items, total, loading, load };
});
