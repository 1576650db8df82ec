import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { crmApi, type OpportunityDto, type PipelineDto } from '../services/crm.ts';

/** The kanban board: the current pipeline, its opportunities, and moves with the card's version. */
export const usePipelineStore = defineStore('pipeline', () => {
  const pipelines = ref<PipelineDto[]>([]);
  const pipelineId = ref<string>('');
  const cards = ref<OpportunityDto[]>([]);
  const loading = ref(false);
  const pipeline = computed(() => pipelines.value.find((p) => p.id === pipelineId.value));

  async function load(): Promise<void> {
    loading.value = true;
    try {
      pipelines.value = (await crmApi.pipelines()).items;
      if (!pipelineId.value) pipelineId.value = pipelines.value[0]?.id ?? '';
      cards.value = pipelineId.value ? (await crmApi.opportunities({ pipelineId: pipelineId.value, pageSize: 500 })).items : [];
    } finally {
      loading.value = false;
    }
  }

  /** Sends the version the card was rendered with; a 409 means someone else moved it first (reload). */
  async function move(id: string, stageId: string): Promise<void> {
    const card = cards.value.find((c) => c.id === id);
    if (!card || card.stageId === stageId) return;
    const moved = await crmApi.moveOpportunity(id, stageId, card.version);
    cards.value = cards.value.map((c) => (c.id === id ? moved : c));
  }

  return { pipelines, pipelineId, pipeline, cards, loading, load, move };
});
